package io.packcheck.core.enrol;

/** The result of reading a scanned enrolment code: understood, or rejected with a reason. */
public sealed interface EnrolmentParse {

    /** The scan is a well-formed enrolment for this station to accept. */
    record Parsed(Enrolment enrolment) implements EnrolmentParse {}

    /** The scan cannot be used to enrol; {@code reason} names the field and the problem, for the packer screen. */
    record Rejected(String reason) implements EnrolmentParse {}
}
