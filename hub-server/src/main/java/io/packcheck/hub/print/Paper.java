package io.packcheck.hub.print;

/** The sheet size a page is laid out for; the printer driver must use the same. */
public enum Paper {
    A4("A4", 210, 297),
    LETTER("letter", 215.9, 279.4);

    private final String cssName;
    private final double widthMm;
    private final double heightMm;

    Paper(String cssName, double widthMm, double heightMm) {
        this.cssName = cssName;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    /** The CSS {@code @page size} keyword. */
    public String cssName() {
        return cssName;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** Reads {@code a4} or {@code letter} (any case), e.g. from a query parameter. */
    public static Paper parse(String name) {
        for (Paper paper : values()) {
            if (paper.name().equalsIgnoreCase(name)) {
                return paper;
            }
        }
        throw new IllegalArgumentException("paper '" + name + "' is not known; use a4 or letter");
    }
}
