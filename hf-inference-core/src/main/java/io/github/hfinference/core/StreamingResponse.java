package io.github.hfinference.core;

import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A streamed result: its chunks and the metadata of the response that carried them.
 * <p>
 * Nothing is sent until {@link #chunks()} is subscribed to; each subscription makes one
 * call (one or more attempts, until one delivers its first chunk). {@link #metadata()}
 * reports the first one and never starts a call itself: it emits once the chunks complete
 * or are cancelled after the response started (the target that served, the attempts it
 * took, request id, served revision, compute figures from the headers, and token counts
 * from the last chunk that reported usage), fails with the chunks' error if they fail,
 * and completes empty if they were cancelled before any response.
 *
 * <pre class="code">
 * StreamingResponse&lt;ChatCompletionChunk&gt; response = hf.executeStream(request);
 * response.chunks().doOnNext(this::show).then(response.metadata()).subscribe(this::record);
 * </pre>
 *
 * @param <C> the chunk type
 * @param chunks the chunks, in order
 * @param metadata the response metadata, once the chunks are done
 */
public record StreamingResponse<C>(Flux<C> chunks, Mono<ResponseMetadata> metadata) {

	public StreamingResponse {
		Objects.requireNonNull(chunks, "chunks");
		Objects.requireNonNull(metadata, "metadata");
	}

}
