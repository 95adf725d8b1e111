package io.packcheck.hub.reports;

import io.packcheck.core.catalog.Badge;
import io.packcheck.hub.storage.CatalogRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Packers' names from their badges, so that reports say "Ana (P001)" as the packer screen says Ana. A code
 * whose badge is gone or has no name stays a bare code.
 */
record PackerNames(Map<String, String> byCode) {

    static PackerNames of(CatalogRepository catalog, Collection<String> codes) {
        List<String> distinct = codes.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return new PackerNames(Map.of());
        }
        return new PackerNames(catalog.badges(distinct).stream().filter(b -> !b.name().isBlank())
                .collect(Collectors.toMap(Badge::code, Badge::name, (a, b) -> a)));
    }

    /** The packer's name, when the badge has one. */
    Optional<String> name(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** The name or, failing that, null: the value of a table's {@code packerName} column. */
    String nameOrNull(String code) {
        return name(code).orElse(null);
    }
}
