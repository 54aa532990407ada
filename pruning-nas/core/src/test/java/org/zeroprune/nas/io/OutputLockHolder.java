package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.file.Path;

/** A second process for {@link OutputDirectoryTest}: claims an output, says so, and holds it until its input ends. */
public final class OutputLockHolder {
    private OutputLockHolder() {
    }

    /** @param args the output directory to claim */
    public static void main(String[] args) throws IOException {
        try (OutputDirectory output = OutputDirectory.claim(Path.of(args[0]), false, "test")) {
            System.out.println("claimed");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the claim until the test closes our input
            }
        }
    }
}
