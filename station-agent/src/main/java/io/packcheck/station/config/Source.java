package io.packcheck.station.config;

/** Where a setting's effective value came from, as {@code config check} prints it. */
public record Source(Kind kind, String detail) {

    public enum Kind {
        FLAG,
        ENV,
        FILE,
        DEFAULT
    }

    static Source flag(Setting s) {
        return new Source(Kind.FLAG, "flag " + s.flag());
    }

    static Source env(Setting s) {
        return new Source(Kind.ENV, "env " + s.env());
    }

    static Source file(java.nio.file.Path file) {
        return new Source(Kind.FILE, "file " + file);
    }

    static Source byDefault() {
        return new Source(Kind.DEFAULT, "default");
    }

    @Override
    public String toString() {
        return detail;
    }
}
