package dev.atomik.conformance.adapters.serial;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapters.rtl.GoldenTracesOnHardware;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when of the hardware issue for boards: every applicable golden trace passes against the
 * emulated device over a socat pty pair through {@code --adapter serial:<pty>}.
 */
class SerialGoldenTracesTest {

    @TempDir
    Path dir;

    @Test
    void emulatedBoardPassesEveryContextAndTableTrace() throws Exception {
        assumeTrue(EmulatedBoard.available(),
                "socat or python3 is not installed (CI installs the Debian packages socat and python3); serial suite skipped");
        try (EmulatedBoard board = EmulatedBoard.start(dir)) {
            GoldenTracesOnHardware.assertAllApplicablePass("serial", () -> new SerialAdapterProvider().open(board.device()), false);
        }
    }
}
