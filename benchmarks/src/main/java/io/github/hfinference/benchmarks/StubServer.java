package io.github.hfinference.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The loopback stub every benchmark calls: a plain Netty HTTP/1.1 server (keep-alive)
 * that answers any POST with a fixed body chosen by path, run in its own JVM so that the
 * client's garbage collection does not pause it.
 * <ul>
 * <li>{@code /tc...}: a text-classification answer (two labels);</li>
 * <li>{@code /fe...} and {@code .../fe} (a router path of model {@code bench/fe}): a
 * 384-dimension sentence embedding;</li>
 * <li>{@code /slow...}: the text-classification answer one second later;</li>
 * <li>{@code .../chat/completions} (an endpoint's {@code /v1/chat/completions}, the router's
 * {@code /v1/chat/completions} or {@code /models/<id>/v1/chat/completions}): a streamed chat
 * answer, {@link #CHAT_CHUNKS} OpenAI-style {@code chat.completion.chunk} events of one token
 * each, a usage chunk and {@code data: [DONE]}: the first event flushed on its own (time to
 * first chunk), the rest written at once, so that the stub costs little next to the client's
 * decoding (a real server sends a token at a time; what is measured here is the client's
 * cost per chunk).</li>
 * <li>{@code /paced/<micros>/.../chat/completions}: the same answer the way a model server
 * sends it, one event per write and flush, {@code micros} microseconds apart (the first at
 * once), for time to first chunk under a realistic load rather than at saturation.</li>
 * </ul>
 * Prints {@code READY <port>} once listening.
 */
public final class StubServer {

	/** The text-classification body. */
	public static final String TEXT_CLASSIFICATION = "[[{\"label\":\"POSITIVE\",\"score\":0.9998656511306763},"
			+ "{\"label\":\"NEGATIVE\",\"score\":0.00013437794405035675}]]";

	/** The feature-extraction body (384 floats, as all-MiniLM-L6-v2). */
	public static final String FEATURE_EXTRACTION = embedding(384);

	/**
	 * Token chunks in the streamed chat answer (the usage chunk and {@code [DONE]} come on
	 * top): 500, as the streaming issue specifies, or {@code -Dstream.chunks}.
	 */
	public static final int CHAT_CHUNKS = Integer.getInteger("stream.chunks", 500);

	/** The events of the streamed chat answer, each as it is written ({@code data: ...\n\n}). */
	public static final List<String> CHAT_EVENTS = chatEvents(CHAT_CHUNKS);

	private StubServer() {
	}

	/**
	 * Runs the stub.
	 * @param args the port (0 for any) and optionally the number of event loop threads
	 * @throws Exception if the server cannot start
	 */
	public static void main(String[] args) throws Exception {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 0;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		byte[] tc = TEXT_CLASSIFICATION.getBytes(StandardCharsets.UTF_8);
		byte[] fe = FEATURE_EXTRACTION.getBytes(StandardCharsets.UTF_8);
		Channel channel = new ServerBootstrap().group(group)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 16384)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline()
						.addLast(new HttpServerCodec())
						.addLast(new HttpObjectAggregator(1024 * 1024))
						.addLast(new Handler(Unpooled.unreleasableBuffer(Unpooled.directBuffer(tc.length).writeBytes(tc)),
								Unpooled.unreleasableBuffer(Unpooled.directBuffer(fe.length).writeBytes(fe))));
				}
			})
			.bind("127.0.0.1", port)
			.sync()
			.channel();
		int bound = ((java.net.InetSocketAddress) channel.localAddress()).getPort();
		System.out.println("READY " + bound);
		System.out.flush();
		channel.closeFuture().sync();
	}

	static String embedding(int dimensions) {
		Random random = new Random(42);
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < dimensions; i++) {
			json.append((i > 0) ? "," : "").append(String.format(Locale.ROOT, "%.8f", random.nextGaussian() / 20));
		}
		return json.append(']').toString();
	}

	/**
	 * A realistic streamed chat answer as a server such as TGI or vLLM writes it: a role
	 * chunk, one chunk per token, a finish chunk, a usage chunk and {@code [DONE]}.
	 * @param tokens the number of token chunks
	 * @return the events, each ending with a blank line
	 */
	static List<String> chatEvents(int tokens) {
		String head = "data: {\"id\":\"chatcmpl-7f3a9c2e\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
				+ "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"system_fingerprint\":\"3.0.1-sha-bb9095a\",\"choices\":[";
		List<String> events = new ArrayList<>();
		String[] words = { " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dög", "." };
		for (int i = 0; i < tokens; i++) {
			String delta = (i == 0) ? "{\"role\":\"assistant\",\"content\":\"" + words[0] + "\"}"
					: "{\"content\":\"" + words[i % words.length] + "\"}";
			String finish = (i == tokens - 1) ? "\"stop\"" : "null";
			events.add(head + "{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish
					+ "}],\"usage\":null}\n\n");
		}
		events.add(head + "],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + tokens + ",\"total_tokens\":"
				+ (12 + tokens) + "}}\n\n");
		events.add("data: [DONE]\n\n");
		return List.copyOf(events);
	}

	private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

		private final ByteBuf textClassification;

		private final ByteBuf featureExtraction;

		private static final ByteBuf CHAT_FIRST = direct(CHAT_EVENTS.get(0));

		private static final ByteBuf CHAT_REST = direct(String.join("", CHAT_EVENTS.subList(1, CHAT_EVENTS.size())));

		private static final List<ByteBuf> CHAT_EACH = CHAT_EVENTS.stream().map(Handler::direct).toList();

		private static ByteBuf direct(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
		}

		Handler(ByteBuf textClassification, ByteBuf featureExtraction) {
			this.textClassification = textClassification;
			this.featureExtraction = featureExtraction;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
			String uri = request.uri();
			boolean keepAlive = HttpUtil.isKeepAlive(request);
			if (uri.endsWith("/chat/completions")) {
				if (uri.startsWith("/paced/")) {
					long micros = Long.parseLong(uri.substring("/paced/".length(), uri.indexOf('/', "/paced/".length())));
					streamChatPaced(ctx, keepAlive, micros);
				}
				else {
					streamChat(ctx, keepAlive);
				}
				return;
			}
			ByteBuf body = (uri.startsWith("/fe") || uri.endsWith("/fe")) ? this.featureExtraction
					: this.textClassification;
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
					body.duplicate());
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
			if (!keepAlive) {
				response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
			if (uri.startsWith("/slow")) {
				ctx.executor().schedule(() -> write(ctx, response, keepAlive), 1, TimeUnit.SECONDS);
			}
			else {
				write(ctx, response, keepAlive);
			}
		}

		/**
		 * Writes the streamed chat answer, chunked: the first event in an HTTP chunk of its own,
		 * flushed at once (time to first chunk), then the rest in one HTTP chunk, which the
		 * client's HTTP decoder hands over in pieces of at most 8 KB, events cut anywhere.
		 */
		private void streamChat(ChannelHandlerContext ctx, boolean keepAlive) {
			startEventStream(ctx, keepAlive);
			ctx.writeAndFlush(new DefaultHttpContent(CHAT_FIRST.duplicate()), ctx.voidPromise());
			ctx.write(new DefaultHttpContent(CHAT_REST.duplicate()), ctx.voidPromise());
			endEventStream(ctx, keepAlive);
		}

		/**
		 * Writes the streamed chat answer as a model server does: each event in an HTTP chunk
		 * of its own, flushed, {@code micros} apart on the connection's event loop.
		 */
		private void streamChatPaced(ChannelHandlerContext ctx, boolean keepAlive, long micros) {
			startEventStream(ctx, keepAlive);
			new Runnable() {

				private int next;

				@Override
				public void run() {
					if (!ctx.channel().isActive()) {
						return;
					}
					ctx.writeAndFlush(new DefaultHttpContent(CHAT_EACH.get(this.next++).duplicate()), ctx.voidPromise());
					if (this.next < CHAT_EACH.size()) {
						ctx.executor().schedule(this, micros, TimeUnit.MICROSECONDS);
					}
					else {
						endEventStream(ctx, keepAlive);
					}
				}

			}.run();
		}

		private static void startEventStream(ChannelHandlerContext ctx, boolean keepAlive) {
			DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
				.set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
				.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
			if (!keepAlive) {
				response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
			ctx.write(response, ctx.voidPromise());
		}

		private static void endEventStream(ChannelHandlerContext ctx, boolean keepAlive) {
			if (keepAlive) {
				ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
			}
			else {
				ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
			}
		}

		private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
			if (keepAlive) {
				ctx.writeAndFlush(response, ctx.voidPromise());
			}
			else {
				ctx.writeAndFlush(response).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
			}
		}

	}

}
