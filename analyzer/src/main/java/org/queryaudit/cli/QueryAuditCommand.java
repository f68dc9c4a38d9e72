package org.queryaudit.cli;

import picocli.CommandLine.Command;

@Command(name = "queryaudit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Audits exported police data-query logs (Nlets, DMV portals, Flock ALPR) for federal and",
            "immigration access that breaks the data owner's state sharing rules."},
        subcommands = {RunCommand.class, ReportCommand.class, DemoCommand.class, GenerateCommand.class, VerifyCommand.class})
public final class QueryAuditCommand {
}
