package io.github.hfinference.samples.web;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The fields {@code POST /api/extract} reads from a text: the chat model answers with
 * JSON of this record's schema ({@code response_format} json_schema).
 *
 * @param number the invoice number
 * @param customer who is billed
 * @param total the amount due
 * @param currency the ISO 4217 currency code
 */
public record Invoice(@JsonPropertyDescription("The invoice number, as written") String number, String customer,
		double total, @JsonPropertyDescription("ISO 4217 code, e.g. EUR") String currency) {
}
