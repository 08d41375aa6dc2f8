package dev.atomik.conformance.adapters.serial;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;

/**
 * {@code --adapter 'serial:<device>[,baud=<n>]'}: a board speaking spec/serial-protocol.md, e.g.
 * {@code serial:/dev/ttyUSB0} or {@code serial:/dev/ttyACM0,baud=921600}.
 */
public final class SerialAdapterProvider implements AdapterProvider {
    static final int DEFAULT_BAUD = 115200;

    @Override
    public String scheme() {
        return "serial";
    }

    @Override
    public String description() {
        return "board over a serial line (spec/serial-protocol.md): 'serial:/dev/ttyUSB0[,baud=115200]'";
    }

    @Override
    public Adapter open(String argument) {
        String[] parts = argument == null ? new String[] {""} : argument.split(",");
        String device = parts[0].trim();
        if (device.isEmpty()) {
            throw new IllegalArgumentException("serial needs a device, e.g. --adapter 'serial:/dev/ttyUSB0'");
        }
        int baud = DEFAULT_BAUD;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].trim();
            if (option.startsWith("baud=")) {
                try {
                    baud = Integer.parseInt(option.substring(5));
                } catch (NumberFormatException e) {
                    baud = -1;
                }
                if (baud <= 0) {
                    throw new IllegalArgumentException("serial option '" + option + "': baud must be a positive integer");
                }
            } else {
                throw new IllegalArgumentException("unknown serial option '" + option + "' (known: baud=<n>)");
            }
        }
        return new SerialAdapter(JSerialCommLink.open(device, baud), baud);
    }
}
