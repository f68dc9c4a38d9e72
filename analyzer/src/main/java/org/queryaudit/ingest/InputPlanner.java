package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.queryaudit.reference.UsStates;

/**
 * Decides, on the driver and before any row is read, what each input is: its files, format,
 * header, delimiter and owner. Reads only each file's first line. Any doubt is a
 * {@link ConfigException} naming the file and what to give.
 */
public final class InputPlanner {
    private static final int HEAD_BYTES = 1 << 20;
    private final ProfileCatalog catalog;
    private final UsStates states;
    private final Configuration hadoop;
    private final String defaultOwner;
    private final String defaultState;
    private final List<String> warnings = new ArrayList<>();

    public InputPlanner(ProfileCatalog catalog, UsStates states, Configuration hadoop, String defaultOwner, String defaultState) {
        this.catalog = catalog;
        this.states = states;
        this.hadoop = hadoop;
        this.defaultOwner = defaultOwner;
        this.defaultState = defaultState == null ? null : defaultState.toUpperCase(Locale.ROOT);
        if (this.defaultState != null && !states.isState(this.defaultState)) {
            throw new ConfigException("--owner-state '" + defaultState + "' is not a two-letter state code (e.g. WA)");
        }
    }

    public InputPlan plan(List<InputRequest> requests) {
        List<InputFile> events = new ArrayList<>();
        List<InputFile> sharing = new ArrayList<>();
        int index = 0;
        for (InputRequest req : requests) {
            for (Located f : expand(req)) {
                InputFile file = describe(index++, f, req);
                (file.profile() != null && file.profile().kind() == FormatProfile.Kind.SHARING ? sharing : events).add(file);
            }
        }
        if (events.isEmpty() && sharing.isEmpty()) {
            throw new ConfigException("no input files: give --input PATH (a file or folder) or --inputs LIST.csv");
        }
        return new InputPlan(events, sharing, warnings);
    }

    /** A file to read: where it is and what outputs call it. */
    private record Located(Path path, String display, long size) {
    }

    private List<Located> expand(InputRequest req) {
        Path path = toPath(req.path());
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path)) {
                throw new ConfigException("input " + req.display() + " (" + req.basis() + "): no such file or folder; check the path"
                        + (req.path().contains("://") ? "" : " (relative paths start from " + Paths.get("").toAbsolutePath() + ")"));
            }
            FileStatus status = fs.getFileStatus(path);
            if (status.isFile()) {
                return List.of(new Located(status.getPath(), req.display(), status.getLen()));
            }
            List<Located> found = new ArrayList<>();
            String root = status.getPath().toUri().getPath();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) {
                LocatedFileStatus s = it.next();
                String rel = s.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/", "");
                if (!s.isFile() || hidden(rel) || !isTabular(rel)) {
                    continue;
                }
                found.add(new Located(s.getPath(), join(req.display(), rel), s.getLen()));
            }
            found.sort(Comparator.comparing(Located::display));
            if (found.isEmpty()) {
                warnings.add("input folder " + req.path() + " holds no .csv/.txt/.tsv files");
            }
            return found;
        } catch (IOException e) {
            throw new ConfigException("input " + req.path() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTabular(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
    }

    private static String join(String dir, String rel) {
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    /** A user path as a Hadoop path: URIs as given, plain paths as absolute local files. */
    public static Path toPath(String userPath) {
        if (userPath.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*")) {
            return new Path(URI.create(userPath.replace(" ", "%20")));
        }
        // Not Path(URI) of java.nio: for an existing folder that URI ends in '/', and the folder
        // then has no name (its sibling work folders would land inside it).
        return new Path("file", null, Paths.get(userPath).toAbsolutePath().normalize().toString());
    }

    private InputFile describe(int index, Located f, InputRequest req) {
        Head head = readHead(f);
        String name = f.path().getName();
        if (head.header == null) {
            warnings.add(f.display() + ": empty file (no header, no rows)");
            return new InputFile(index, f.path().toUri().toString(), f.display(), null, "empty", null, null, null,
                    List.of(), (byte) ',', head.dataOffset, head.dataLine, f.size());
        }
        FormatProfile profile;
        String formatBasis;
        if (req.format() != null && !req.format().isBlank() && !req.format().equals("auto")) {
            String fmt = req.format().strip();
            profile = fmt.endsWith(".yaml") || fmt.endsWith(".yml") ? catalog.addFile(Paths.get(fmt)) : catalog.byId(fmt);
            formatBasis = "given (" + req.basis() + ")";
        } else {
            profile = catalog.detect(head.header, name, req.sharing() ? FormatProfile.Kind.SHARING : null);
            formatBasis = "detected from the header";
        }
        if (req.sharing() && profile.kind() != FormatProfile.Kind.SHARING) {
            throw new ConfigException(f.display() + ": given as a sharing export, but format '" + profile.id()
                    + "' reads query events; give it with --input instead");
        }
        InputFile probe = new InputFile(index, f.path().toUri().toString(), f.display(), profile, formatBasis, null, null,
                null, head.header, head.delimiter, head.dataOffset, head.dataLine, f.size());
        List<String> missing = FileBinding.of(probe).missingRequired();
        if (!missing.isEmpty()) {
            throw new ConfigException(f.display() + ": line " + (head.dataLine - 1) + ": format '" + profile.id()
                    + "' needs the column(s) " + missing + " but the header is " + head.header
                    + "; give the right --format or a profile YAML that maps them");
        }
        if (profile.owner() == FormatProfile.OwnerFrom.DESTINATION) {
            return new InputFile(index, probe.uri(), f.display(), profile, formatBasis, null, null,
                    "destination column (per row)", head.header, head.delimiter, head.dataOffset, head.dataLine, f.size());
        }
        String agency = null;
        String state = null;
        java.util.LinkedHashSet<String> basis = new java.util.LinkedHashSet<>();
        Optional<OwnerFromFileName.Owner> named = OwnerFromFileName.of(name, states);
        if (named.isPresent()) {
            agency = named.get().agency();
            state = named.get().state();
            basis.add("file name");
            if (req.owner() != null && !req.owner().equalsIgnoreCase(agency)) {
                warnings.add(f.display() + ": the file name says the owner is '" + agency + "' but " + req.basis()
                        + " says '" + req.owner() + "'; the file name is used");
            }
        }
        if (agency == null && req.owner() != null) {
            agency = req.owner();
            basis.add(req.basis());
        }
        if (state == null && req.ownerState() != null) {
            state = req.ownerState().toUpperCase(Locale.ROOT);
            basis.add(req.basis());
        }
        if (agency == null && defaultOwner != null) {
            agency = defaultOwner;
            basis.add("--owner");
        }
        if (state == null && defaultState != null) {
            state = defaultState;
            basis.add("--owner-state");
        }
        if (state != null && !states.isState(state)) {
            throw new ConfigException(f.display() + ": owner state '" + state + "' (" + String.join(" + ", basis)
                    + ") is not a two-letter state code");
        }
        if (agency == null && state != null) {
            agency = profile.ownerAgencyFor(state);
        }
        if (agency == null || state == null) {
            throw new ConfigException(f.display() + ": whose data this is cannot be told: its name does not follow the vendor's "
                    + "'M_D_YYYY-M_D_YYYY-<Agency ST PD>-Network-Audit.csv' convention"
                    + (agency != null ? " with a state code" : "")
                    + "; give --owner NAME and --owner-state XX, or list it in --inputs with owner and owner_state");
        }
        return new InputFile(index, probe.uri(), f.display(), profile, formatBasis, agency, state, String.join(" + ", basis),
                head.header,
                head.delimiter, head.dataOffset, head.dataLine, f.size());
    }

    /** The header cells, the delimiter, and where the data starts. */
    private record Head(List<String> header, byte delimiter, long dataOffset, long dataLine) {
    }

    private Head readHead(Located f) {
        try (InputStream in = f.path().getFileSystem(hadoop).open(f.path())) {
            byte[] bytes = in.readNBytes(HEAD_BYTES);
            int bom = 0;
            if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                bom = 3;
            } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                    || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
                throw new ConfigException(f.display() + ": the file is UTF-16; save it as UTF-8 (or Windows-1252) CSV and run again");
            }
            byte delimiter = delimiterOf(bytes, bom);
            CsvRecordReader reader = new CsvRecordReader(new java.io.ByteArrayInputStream(bytes, bom, bytes.length - bom),
                    delimiter, 1, -1, HEAD_BYTES);
            if (!reader.next() || reader.problem() != CsvRecordReader.Problem.NONE) {
                return new Head(null, delimiter, bom + reader.position(), 1);
            }
            List<String> header = List.copyOf(reader.fields());
            return new Head(header, delimiter, bom + reader.position(), reader.line() + reader.lineCount());
        } catch (IOException e) {
            throw new ConfigException(f.display() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The most frequent of comma, semicolon and tab outside quotes on the first line; comma on a tie. */
    static byte delimiterOf(byte[] bytes, int from) {
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted && b == ',') {
                comma++;
            } else if (!quoted && b == ';') {
                semi++;
            } else if (!quoted && b == '\t') {
                tab++;
            }
        }
        if (semi > comma && semi >= tab) {
            return ';';
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return ',';
    }
}
