package dev.atomik.conformance.adapters.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A serial port through jSerialComm, 8N1, no flow control (spec/serial-protocol.md, "Line settings"). */
final class JSerialCommLink implements SerialLink {
    private final SerialPort port;
    private final String device;

    private JSerialCommLink(SerialPort port, String device) {
        this.port = port;
        this.device = device;
    }

    /**
     * Opens {@code device} at {@code baud}.
     *
     * @throws IllegalArgumentException naming the device and, when it is missing, the ports that exist
     */
    static JSerialCommLink open(String device, int baud) {
        if (!Files.exists(Path.of(device))) {
            String present = Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath)
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("no serial device " + device + " (ports present: "
                    + (present.isEmpty() ? "none" : present) + "); is the board plugged in?");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot use " + device + " as a serial port: " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // No safety sleep after opening (jSerialComm's default is 1 s): the handshake retries
        // HELLO for 3 s instead, which also covers boards that reset when the port opens.
        if (!port.openPort(0)) {
            throw new IllegalArgumentException("cannot open serial device " + device + " (error "
                    + port.getLastErrorCode() + "): is it busy, or do you lack permission (group dialout)?");
        }
        return new JSerialCommLink(port, device);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("wrote " + written + " of " + bytes.length + " bytes to " + device);
        }
    }

    @Override
    public int read(byte[] buffer, long timeoutMillis) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.max(1, timeoutMillis), 0);
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("reading " + device + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public String name() {
        return device;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
