package io.packcheck.hub.cli;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.storage.CredentialRepository.CredentialInfo;
import io.packcheck.hub.storage.EventRepository.StationStatus;
import io.packcheck.hub.storage.Storage;
import io.packcheck.hub.enrol.StationEnrolment;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.ProtocolException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station create ID | enrol ID | list | revoke ID}. */
@Command(name = "station", description = "pack station tokens",
        subcommands = {StationCommand.Create.class, StationCommand.Enrol.class, StationCommand.ListStations.class,
                StationCommand.Revoke.class})
public final class StationCommand {

    /** What the subcommands that act on one station share: the data folder, the station id, the console. */
    abstract static class OneStation implements Callable<Integer> {
        @Mixin
        DataDir data;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;
    }

    @Command(name = "enrol", description = {
            "issue a one-time enrolment code for a station (registering it if new); prints the enrolment text",
            "alone on the last line: make it a QR code, or print the sheet from GET /api/v1/print/stations/ID/enrolment.",
            "A new code replaces the station's earlier unused ones. Exchanging it replaces the station's token."})
    static final class Enrol extends OneStation {
        @Option(names = "--hub-url", paramLabel = "URL",
                description = "the hub URL the station will use; default: http://<this host>:8080")
        String hubUrl;
        @Option(names = "--valid", paramLabel = "DURATION", defaultValue = "24h",
                description = "how long the code works, 1m to 30d (e.g. 30m, 24h, 7d); default: ${DEFAULT-VALUE}")
        String valid;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            URI url;
            Duration validFor;
            try {
                JsonFields.requireKey("ID", id);
                url = hubUrl == null ? defaultHubUrl() : new URI(hubUrl);
                validFor = StationEnrolment.parseValidity(valid);
            } catch (IllegalArgumentException e) {
                // the message names the setting as "valid"; on the command line it is the --valid option
                err.println("-" + "-" + e.getMessage());
                err.flush();
                return 2;
            } catch (ProtocolException e) {
                err.println(e.getMessage());
                err.flush();
                return 2;
            } catch (URISyntaxException e) {
                err.println("--hub-url '" + hubUrl + "' is not a URL: " + e.getReason());
                err.flush();
                return 2;
            }
            StationEnrolment.Issued issued;
            try (Storage storage = Storage.sqlite(data.dir(), Clock.systemUTC())) {
                issued = new StationEnrolment(storage.enrolments(), Clock.systemUTC(), new SecureRandom())
                        .issue(id, url, validFor);
            } catch (IllegalArgumentException e) {
                err.println((e.getMessage().startsWith("hub URL") ? "--hub-url: " : "") + e.getMessage());
                err.flush();
                return 2;
            }
            out.println((issued.stationCreated() ? "registered station " : "station ") + id + "; enrolment code for "
                    + url + " valid until " + issued.expiresAt() + ", once; the enrolment text is shown only now:");
            out.println(issued.enrolment().encode());
            out.flush();
            return 0;
        }

        private static URI defaultHubUrl() {
            String host;
            try {
                host = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            return URI.create("http://" + host + ":8080");
        }
    }

    @Command(name = "create", description = "register a station; prints its token once, on the last line")
    static final class Create extends OneStation {
        @Override
        public Integer call() {
            return Credentials.create(data.dir(), CredentialKind.STATION, id, Optional.empty(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "list", description = "list stations: id, state, last heartbeat, last sequence number, open gaps")
    static final class ListStations implements Callable<Integer> {
        @Mixin
        DataDir data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Storage storage = Storage.sqlite(data.dir(), Clock.systemUTC())) {
                for (CredentialInfo info : storage.credentials().list(CredentialKind.STATION)) {
                    Optional<StationStatus> status = storage.events().station(info.name());
                    out.printf("%-20s %-8s created=%s heartbeat=%s lastSeq=%d gaps=%d%n", info.name(),
                            info.revokedAt().isPresent() ? "revoked" : "active", info.createdAt(),
                            status.flatMap(StationStatus::heartbeatAt).map(Object::toString).orElse("never"),
                            status.map(StationStatus::maxSeq).orElse(0L),
                            status.map(s -> s.openGaps().size()).orElse(0));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", description = "revoke a station's token (the hub stops accepting it within seconds)")
    static final class Revoke extends OneStation {
        @Override
        public Integer call() {
            try (Storage storage = Storage.sqlite(data.dir(), Clock.systemUTC())) {
                if (!storage.credentials().revoke(CredentialKind.STATION, id)) {
                    spec.commandLine().getErr().println("no active station " + id);
                    return 1;
                }
            }
            spec.commandLine().getOut().println("revoked station " + id);
            return 0;
        }
    }
}
