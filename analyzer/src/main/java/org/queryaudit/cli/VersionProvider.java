package org.queryaudit.cli;

import org.queryaudit.run.Sessions;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"queryaudit " + Sessions.toolVersion()};
    }
}
