package io.packcheck.station.scanner;

/**
 * Line settings of a serial scanner.
 *
 * @param baud     bits per second
 * @param dataBits 7 or 8
 * @param parity   none, odd or even
 * @param stopBits 1 or 2
 * @param flow     none, RTS/CTS or XON/XOFF
 */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits, FlowControl flow) {

    public enum Parity { NONE, ODD, EVEN }

    public enum FlowControl { NONE, RTSCTS, XONXOFF }

    static final int[] BAUDS = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};

    public SerialSettings {
        if (java.util.Arrays.stream(BAUDS).noneMatch(b -> b == baud)) {
            throw new IllegalArgumentException("baud must be one of " + java.util.Arrays.toString(BAUDS) + ", was " + baud);
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("dataBits must be 7 or 8, was " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stopBits must be 1 or 2, was " + stopBits);
        }
        if (parity == null || flow == null) {
            throw new IllegalArgumentException("parity and flow control are required");
        }
    }

    /** 9600 8N1 without flow control: the RS-232 default of most scanners. */
    public static SerialSettings default9600() {
        return new SerialSettings(9600, 8, Parity.NONE, 1, FlowControl.NONE);
    }
}
