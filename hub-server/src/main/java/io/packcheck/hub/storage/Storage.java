package io.packcheck.hub.storage;

import io.packcheck.hub.claims.ClaimStore;
import io.packcheck.hub.parcels.ParcelStore;
import io.packcheck.hub.reports.ReportRepository;
import io.packcheck.hub.reports.SqliteReportRepository;
import io.packcheck.hub.weights.LearnedWeightStore;
import java.nio.file.Path;
import java.time.Clock;

/** The hub's repositories over one database; a PostgreSQL engine and adapters would plug in beside {@link #sqlite}. */
public record Storage(CredentialRepository credentials, CatalogRepository catalog, EventRepository events,
                      ReportRepository reports, StorageEngine database, EnrolmentRepository enrolments,
                      DashboardSessionRepository dashboardSessions, ClaimStore claims,
                      ParcelStore parcels, LearnedWeightStore learnedWeights)
        implements AutoCloseable {

    public static Storage sqlite(Path dataDir, Clock clock) {
        SqliteDatabase db = SqliteDatabase.open(dataDir);
        return new Storage(new SqliteCredentialRepository(db, clock), new SqliteCatalogRepository(db, clock),
                new SqliteEventRepository(db, clock), new SqliteReportRepository(db), db,
                new SqliteEnrolmentRepository(db, clock), new SqliteDashboardSessionRepository(db),
                new SqliteClaimRepository(db, clock), new SqliteParcelRepository(db), new SqliteLearnedWeightRepository(db));
    }

    @Override
    public void close() {
        database.close();
    }
}
