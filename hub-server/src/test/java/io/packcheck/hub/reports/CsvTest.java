package io.packcheck.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        Table table = Table.of("sku", "reason", "count").row("MUG,1", "said \"2\"\r\nok", 3).row("PLAIN", null, -1);

        String csv = table.toCsv();

        assertThat(csv).isEqualTo("sku,reason,count\r\n\"MUG,1\",\"said \"\"2\"\"\r\nok\",3\r\nPLAIN,,-1\r\n");
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(Csv.field("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-5 units")).isEqualTo("'-5 units");
        assertThat(Csv.field(-5)).isEqualTo("-5");
    }
}
