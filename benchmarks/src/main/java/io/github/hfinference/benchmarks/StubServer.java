package io.github.hfinference.benchmarks;

import java.nio.charset.StandardCharsets;
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
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The loopback stub every benchmark calls: a plain Netty HTTP/1.1 server (keep-alive)
 * that answers any POST with a fixed body chosen by path, run in its own JVM so that the
 * client's garbage collection does not pause it.
 * <ul>
 * <li>{@code /tc...}: a text-classification answer (two labels);</li>
 * <li>{@code /fe...} and {@code .../fe} (a router path of model {@code bench/fe}): a
 * 384-dimension sentence embedding;</li>
 * <li>{@code /slow...}: the text-classification answer one second later.</li>
 * </ul>
 * Prints {@code READY <port>} once listening.
 */
public final class StubServer {

	/** The text-classification body. */
	public static final String TEXT_CLASSIFICATION = "[[{\"label\":\"POSITIVE\",\"score\":0.9998656511306763},"
			+ "{\"label\":\"NEGATIVE\",\"score\":0.00013437794405035675}]]";

	/** The feature-extraction body (384 floats, as all-MiniLM-L6-v2). */
	public static final String FEATURE_EXTRACTION = embedding(384);

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

	private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

		private final ByteBuf textClassification;

		private final ByteBuf featureExtraction;

		Handler(ByteBuf textClassification, ByteBuf featureExtraction) {
			this.textClassification = textClassification;
			this.featureExtraction = featureExtraction;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
			String uri = request.uri();
			boolean keepAlive = HttpUtil.isKeepAlive(request);
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
