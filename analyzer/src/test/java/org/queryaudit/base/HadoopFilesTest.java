package org.queryaudit.base;


import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFilesTest {
    /** The local file system chosen sets and reads permissions itself (through java.nio, no shell). */
    @Test
    void localFilesKeepTheirPermissionsThroughTheChosenFileSystem(@TempDir java.nio.file.Path dir) throws Exception {
        Path folder = new Path(dir.toUri().toString() + "/out");
        try (FileSystem fs = FileSystem.newInstance(folder.toUri(), HadoopFiles.configuration())) {
            assertEquals(HadoopFiles.LOCAL, fs.getClass().getName());
            fs.mkdirs(folder, new FsPermission((short) 0750));
            Path file = new Path(folder, "a.csv");
            try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
                out.writeBytes("a,b\n");
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out/a.csv"))));
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out"))));
            assertEquals((short) 0640, fs.getFileStatus(file).getPermission().toShort());
            assertEquals(1, fs.listStatus(folder).length);
            assertEquals(4, fs.getFileStatus(file).getLen());
        }
    }
}
