package io.github.hfinference.core.internal.http;

import java.util.List;
import java.util.Locale;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;

/**
 * Read-only request headers built once and sent with many calls (the routed headers of
 * one target), also kept in Netty's form so that the direct transport copies them into a
 * request without converting them on every call. Any attempt to change them throws
 * {@link UnsupportedOperationException}.
 */
public final class SharedRequestHeaders extends HttpHeaders {

	private static final long serialVersionUID = 1L;

	private final transient io.netty.handler.codec.http.HttpHeaders netty;

	private SharedRequestHeaders(MultiValueMap<String, String> headers, io.netty.handler.codec.http.HttpHeaders netty) {
		super(headers);
		this.netty = netty;
	}

	/**
	 * A read-only copy of headers.
	 * @param headers the headers to copy
	 * @return the copy
	 */
	public static SharedRequestHeaders copyOf(HttpHeaders headers) {
		MultiValueMap<String, String> copy = CollectionUtils
			.toMultiValueMap(new LinkedCaseInsensitiveMap<>(headers.size(), Locale.ROOT));
		io.netty.handler.codec.http.HttpHeaders netty = new DefaultHttpHeaders();
		headers.forEach((name, values) -> {
			copy.put(name, List.copyOf(values));
			netty.add(name, values);
		});
		return new SharedRequestHeaders(CollectionUtils.unmodifiableMultiValueMap(copy), netty);
	}

	/** The same headers in Netty's form; callers copy them and never change them. */
	io.netty.handler.codec.http.HttpHeaders netty() {
		return this.netty;
	}

}
