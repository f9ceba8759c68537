package io.github.hfinference.boot.declarative.scan;

import org.springframework.context.annotation.Configuration;

import io.github.hfinference.boot.declarative.EnableHfModels;

/** Imports the interfaces of its own package, {@code @EnableHfModels} having no attribute. */
@Configuration(proxyBeanMethods = false)
@EnableHfModels
public class ScanPackageConfiguration {

}
