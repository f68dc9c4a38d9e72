package org.queryaudit.base;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;

/**
 * One task's file in a folder that the task's rows are written to beside Spark's own output. It
 * appears whole or not at all: it is written under a hidden name ({@code .part-00007.json.attempt-0},
 * which Spark's and DuckDB's readers skip) and renamed when the task's rows end; a retried task
 * writes the same rows again and replaces it; a failed one leaves at most a hidden file. Nothing
 * is created until the first write.
 */
public final class TaskPart {
    private final String folder;
    private final String what;
    private final String name;
    private final String hidden;
    private FileSystem fs;
    private OutputStream out;
    private boolean finished;

    private TaskPart(String folder, String what, int partition, int attempt, String extension) {
        this.folder = folder;
        this.what = what;
        this.name = String.format("part-%05d.%s", partition, extension);
        this.hidden = "." + name + ".attempt-" + attempt;
    }

    /**
     * This task's part of {@code folder} (outside a task: part 0).
     *
     * @param what what the folder holds, for error messages ("quarantined rows")
     */
    public static TaskPart open(String folder, String what, String extension) {
        TaskContext task = TaskContext.get();
        TaskPart part = new TaskPart(folder, what, task == null ? 0 : task.partitionId(), task == null ? 0 : task.attemptNumber(),
                extension);
        if (task != null) {
            task.addTaskFailureListener((org.apache.spark.util.TaskFailureListener) (ctx, error) -> part.abandon());
        }
        return part;
    }

    /** The stream of the hidden file, created on first use. */
    public OutputStream stream() {
        if (out == null) {
            try {
                Path p = hiddenPath();
                out = fs.create(p, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the " + what + " to " + folder + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The hidden file's path, for a writer that opens it itself (then {@link #finish(java.io.Closeable)}). */
    public Path hiddenPath() throws IOException {
        Path p = new Path(folder, hidden);
        if (fs == null) {
            fs = p.getFileSystem(HadoopFiles.configuration());
        }
        return p;
    }

    /** Closes the stream, if one was opened, and gives the file its own name. */
    public void finish() {
        finish(out);
        out = null;
    }

    /** Closes what wrote the hidden file (null: nothing was written) and gives the file its own name. */
    public void finish(java.io.Closeable writer) {
        if (finished || writer == null) {
            finished = true;
            return;
        }
        finished = true;
        try {
            writer.close();
            Path target = new Path(folder, name);
            fs.delete(target, false);
            if (!fs.rename(new Path(folder, hidden), target)) {
                throw new IOException("cannot rename " + hidden + " to " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the " + what + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The task failed: the hidden file goes, if there is one. */
    private void abandon() {
        if (finished || fs == null) {
            finished = true;
            return;
        }
        finished = true;
        try {
            if (out != null) {
                out.close();
            }
            fs.delete(new Path(folder, hidden), false);
        } catch (IOException ignored) {
            // The hidden part is never read; the run fails anyway.
        }
    }
}
