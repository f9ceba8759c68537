package io.github.hfinference.boot.declarative.scan;

import org.springframework.context.annotation.Configuration;

import io.github.hfinference.boot.declarative.ImportHfModels;

/** Imports the interfaces of its own package, {@code @ImportHfModels} having no attribute. */
@Configuration(proxyBeanMethods = false)
@ImportHfModels
public class ScanPackageConfiguration {

}
