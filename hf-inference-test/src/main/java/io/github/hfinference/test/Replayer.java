package io.github.hfinference.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.test.internal.Cassette;
import io.github.hfinference.test.internal.JsonDiff;
import io.github.hfinference.test.internal.WireFormat;

/**
 * Answers each request with the first unused recorded exchange of the same method, path
 * and query whose body matches (JSON compared as trees); anything else is a mismatch.
 */
final class Replayer implements HfInferenceStub.Responder {

	private static final java.util.Set<String> NOT_REPLAYED = java.util.Set.of("content-length", "transfer-encoding",
			"connection", "content-encoding");

	private final Path cassette;

	private final List<Cassette.Interaction> interactions;

	private final boolean[] used;

	private final List<String> mismatches = new CopyOnWriteArrayList<>();

	Replayer(Path cassette) {
		this.cassette = cassette;
		this.interactions = Cassette.read(cassette);
		this.used = new boolean[this.interactions.size()];
	}

	@Override
	public synchronized MockResponse.Builder respond(String method, String target, Map<String, List<String>> headers,
			byte[] body) {
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < this.interactions.size(); i++) {
			Cassette.Interaction interaction = this.interactions.get(i);
			if (!this.used[i] && interaction.method().equals(method) && interaction.target().equals(target)) {
				candidates.add(i);
			}
		}
		List<String> differences = List.of();
		for (int index : candidates) {
			differences = bodyDifferences(this.interactions.get(index).requestBody(), body);
			if (differences.isEmpty()) {
				this.used[index] = true;
				return replay(this.interactions.get(index));
			}
		}
		String mismatch = candidates.isEmpty()
				? method + " " + target + " was not recorded in " + this.cassette + "; recorded and not replayed yet: "
						+ unused()
				: method + " " + target + " was recorded with another body in " + this.cassette + ":\n  "
						+ String.join("\n  ", differences);
		this.mismatches.add(mismatch);
		return Script.response(400, WireFormat.json(Map.of("error", "HfInferenceStub replay mismatch: " + mismatch)));
	}

	List<String> mismatches() {
		return List.copyOf(this.mismatches);
	}

	synchronized void rewind() {
		Arrays.fill(this.used, false);
		this.mismatches.clear();
	}

	private List<String> unused() {
		List<String> unused = new ArrayList<>();
		for (int i = 0; i < this.interactions.size(); i++) {
			if (!this.used[i]) {
				unused.add(this.interactions.get(i).method() + " " + this.interactions.get(i).target());
			}
		}
		return unused;
	}

	private static MockResponse.Builder replay(Cassette.Interaction interaction) {
		MockResponse.Builder builder = new MockResponse.Builder().code(interaction.status())
			.body(new okio.Buffer().write(interaction.responseBody()));
		interaction.responseHeaders().forEach((name, values) -> {
			if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach((value) -> builder.addHeader(name, value));
			}
		});
		return builder;
	}

	/** No difference when the recording left the body out; JSON compared as trees; else bytes. */
	private static List<String> bodyDifferences(byte @Nullable [] recorded, byte[] sent) {
		if (recorded == null) {
			return List.of();
		}
		JsonNode expected = WireFormat.parseOrNull(recorded);
		JsonNode actual = WireFormat.parseOrNull(sent);
		if (expected != null && actual != null) {
			return JsonDiff.diff(expected, actual).stream().map((line) -> line.replace(": expected ", ": recorded ")
				.replace(", was ", ", sent ")).toList();
		}
		return Arrays.equals(recorded, sent) ? List.of()
				: List.of("body: recorded " + new String(recorded, StandardCharsets.UTF_8) + ", sent "
						+ new String(sent, StandardCharsets.UTF_8));
	}

}
