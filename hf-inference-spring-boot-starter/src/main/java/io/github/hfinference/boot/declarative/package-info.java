/**
 * Registration of {@link io.github.hfinference.core.declarative.HfModel @HfModel}
 * interfaces as beans: {@link io.github.hfinference.boot.declarative.EnableHfModels @EnableHfModels},
 * the registrar it is built on, and ahead-of-time processing support.
 */
@NullMarked
package io.github.hfinference.boot.declarative;

import org.jspecify.annotations.NullMarked;
