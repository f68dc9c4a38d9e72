package org.queryaudit.cli;

import java.nio.file.Path;
import java.util.List;
import org.queryaudit.ingest.InputRequest;

/** Lets tests in other packages read an inputs list the way the CLI does. */
public final class InputsListAccess {
    private InputsListAccess() {
    }

    public static List<InputRequest> read(Path list) {
        return InputsList.read(list);
    }
}
