package io.packcheck.protocol;

import java.util.List;

/**
 * One answer of {@code GET /api/v1/station/feed}.
 *
 * @param cursor where the next request resumes ({@code after=})
 * @param more   the page was full: ask again at once
 */
public record FeedPage(String cursor, List<FeedChange> changes, boolean more) {
    public FeedPage {
        changes = List.copyOf(changes);
    }
}
