package org.queryaudit.report;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputPlanner;

/**
 * The run's output folder, written atomically: everything goes into a hidden sibling folder,
 * which replaces the target only when the run has finished (the manifest last). A run
 * stopped at any point leaves the previous output as it was.
 */
public final class OutputFolder {
    private final FileSystem fs;
    private final Path target;
    private final Path work;

    private OutputFolder(FileSystem fs, Path target, Path work) {
        this.fs = fs;
        this.target = target;
        this.work = work;
    }

    /** Checks the target before any log is read: absent, empty, or a previous queryaudit output. */
    public static OutputFolder prepare(String out, Configuration hadoop) {
        Path target = InputPlanner.toPath(out);
        try {
            FileSystem fs = target.getFileSystem(hadoop);
            // Hadoop's local file system writes a .crc beside every file; a report folder wants none.
            fs.setWriteChecksum(false);
            if (fs.exists(target)) {
                FileStatus st = fs.getFileStatus(target);
                if (!st.isDirectory()) {
                    throw new ConfigException("--out " + out + " is a file; give a folder");
                }
                boolean empty = fs.listStatus(target).length == 0;
                if (!empty && !fs.exists(new Path(target, "manifest.json"))) {
                    throw new ConfigException("--out " + out + " is not empty and not a previous queryaudit output "
                            + "(no manifest.json); give a new or empty folder");
                }
            }
            Path parent = target.getParent();
            fs.mkdirs(parent);
            Path work = new Path(parent, "." + target.getName() + ".queryaudit-" + UUID.randomUUID());
            fs.mkdirs(work);
            return new OutputFolder(fs, target, work);
        } catch (IOException e) {
            throw new ConfigException("--out " + out + ": cannot be prepared: " + e.getMessage(), e);
        }
    }

    public FileSystem fs() {
        return fs;
    }

    /** A path inside the folder being written. */
    public Path file(String name) {
        return new Path(work, name);
    }

    /** The folder being written (moved to the target when the run finishes). */
    public Path root() {
        return work;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished folder into place, replacing a previous output. */
    public void commit() throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            old = new Path(target.getParent(), "." + target.getName() + ".previous-" + UUID.randomUUID());
            if (!fs.rename(target, old)) {
                throw new IOException("cannot move the previous output " + target + " aside");
            }
        }
        if (!fs.rename(work, target)) {
            if (old != null) {
                fs.rename(old, target);
            }
            throw new IOException("cannot move " + work + " to " + target);
        }
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Removes the unfinished folder after a failure; the previous output stays. */
    public void abandon() {
        try {
            fs.delete(work, true);
        } catch (IOException e) {
            // the hidden folder is left; the next run does not read it
        }
    }
}
