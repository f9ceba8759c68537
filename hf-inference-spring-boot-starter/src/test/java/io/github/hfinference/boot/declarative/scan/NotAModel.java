package io.github.hfinference.boot.declarative.scan;

/** An interface without {@code @HfModel}, which scans must ignore. */
public interface NotAModel {

	String name();

}
