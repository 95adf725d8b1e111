package io.packcheck.simulator.plan;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.simulator.plan.SampleItem.CasePack;
import io.packcheck.simulator.plan.SampleItem.Tracking;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A warehouse's worth of sample items and badges: household goods by the unit and by the case, food and
 * cosmetics with lots and a minimum shelf life, serialised electronics. Same seed, same catalog.
 */
public final class SampleCatalog {

    private record Family(String code, String[] products, int[] grams, Tracking tracking, int minShelfLifeDays,
            boolean cases) {}

    private static final String[] COLOURS = {"Blue", "Red", "Green", "Black", "White", "Grey", "Yellow", "Oak"};
    private static final List<Family> FAMILIES = List.of(
            new Family("HOME", new String[] {"Mug", "Tea Towel", "Cushion Cover", "Storage Box", "Candle"},
                    new int[] {350, 90, 160, 620, 280}, Tracking.NONE, 0, true),
            new Family("OFFC", new String[] {"Notebook A5", "Gel Pen 3-pack", "Stapler", "Desk Tray"},
                    new int[] {210, 40, 260, 480}, Tracking.NONE, 0, true),
            new Family("TOYS", new String[] {"Puzzle 500", "Building Set", "Plush Bear"},
                    new int[] {520, 850, 310}, Tracking.NONE, 0, false),
            new Family("FOOD", new String[] {"Coffee Beans 1kg", "Green Tea 100g", "Oat Bars 6x", "Olive Oil 500ml"},
                    new int[] {1040, 130, 230, 780}, Tracking.LOT, 60, true),
            new Family("CARE", new String[] {"Hand Cream", "Shampoo 250ml", "Sun Lotion SPF30"},
                    new int[] {95, 290, 240}, Tracking.LOT, 180, false),
            new Family("ELEC", new String[] {"USB-C Charger", "Headphones", "Power Bank"},
                    new int[] {120, 260, 340}, Tracking.SERIAL, 0, false));

    /** The site's box types: code, name and the empty box's weight. Far enough apart that a wrong box shows. */
    private static final List<SampleBox> BOXES = List.of(
            new SampleBox("S", "Small box", 150),
            new SampleBox("M", "Medium box", 280),
            new SampleBox("L", "Large box", 520));

    /** The supervisor's badge code, for overrides. */
    public static final String SUPERVISOR_BADGE = "S001";

    /** Made-up GS1 company prefixes: one per supplier. */
    private static final String[] COMPANY_PREFIXES = {"4012345", "5012345", "7612345", "8712345"};

    private final List<SampleItem> items;
    private final List<JsonObject> badges;

    private SampleCatalog(List<SampleItem> items, List<JsonObject> badges) {
        this.items = List.copyOf(items);
        this.badges = List.copyOf(badges);
    }

    /** About {@code size} items (at least one of each family) and one packer badge per station plus a supervisor. */
    public static SampleCatalog generate(int size, int packers, long seed) {
        Random random = new Random(seed);
        List<SampleItem> items = new ArrayList<>();
        int perFamily = Math.max(1, size / FAMILIES.size());
        int next = 1;
        for (Family family : FAMILIES) {
            for (int i = 0; i < perFamily; i++) {
                String product = family.products()[i % family.products().length];
                String colour = COLOURS[(i / family.products().length) % COLOURS.length];
                String variant = i / (family.products().length * COLOURS.length) == 0 ? ""
                        : " v" + (i / (family.products().length * COLOURS.length) + 1);
                String name = (family.tracking() == Tracking.NONE ? colour + " " : "") + product + variant;
                String sku = family.code() + "-" + String.format(Locale.ROOT, "%04d", next);
                String ean13 = ean13(COMPANY_PREFIXES[next % COMPANY_PREFIXES.length], next);
                Optional<CasePack> casePack = family.cases() && random.nextInt(4) == 0
                        ? Optional.of(new CasePack(gtin14("1" + ean13.substring(0, 12)), random.nextBoolean() ? 6 : 12))
                        : Optional.empty();
                // colours and variants weigh a little more or less than the base product; no random draw, so the
                // catalog of a seed keeps its codes and case packs
                int base = family.grams()[i % family.products().length];
                double grams = Math.round(base * (1 + (next * 37 % 16) / 100.0));
                items.add(new SampleItem(sku, name, ean13, casePack, family.tracking(), family.minShelfLifeDays(), grams));
                next++;
            }
        }
        List<JsonObject> badges = new ArrayList<>();
        String[] names = {"Ana", "Ben", "Chloe", "Dev", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lena"};
        for (int i = 1; i <= packers; i++) {
            badges.add(new JsonObject().put("code", String.format(Locale.ROOT, "P%03d", i))
                    .put("name", names[(i - 1) % names.length] + (i > names.length ? " " + (i / names.length + 1) : ""))
                    .put("role", "packer"));
        }
        badges.add(new JsonObject().put("code", "S001").put("name", "Sam (shift lead)").put("role", "supervisor"));
        return new SampleCatalog(items, badges);
    }

    private static String ean13(String companyPrefix, int itemReference) {
        String twelve = companyPrefix + String.format(Locale.ROOT, "%0" + (12 - companyPrefix.length()) + "d", itemReference);
        return twelve + Gtin.checkDigit(twelve);
    }

    private static String gtin14(String thirteen) {
        return thirteen + Gtin.checkDigit(thirteen);
    }

    public List<SampleItem> items() {
        return items;
    }

    public List<SampleItem> items(Tracking tracking) {
        return items.stream().filter(i -> i.tracking() == tracking).toList();
    }

    /** The box catalogue: small, medium and large boxes with their tares. */
    public List<SampleBox> boxes() {
        return BOXES;
    }

    /** Badge bodies with their {@code code}: packers {@code P001...} and the supervisor {@code S001}. */
    public List<JsonObject> badges() {
        return badges;
    }

    /** The badge code of the packer at the n-th station (1-based). */
    public String packerBadge(int station) {
        return badges.get((station - 1) % (badges.size() - 1)).getString("code");
    }
}
