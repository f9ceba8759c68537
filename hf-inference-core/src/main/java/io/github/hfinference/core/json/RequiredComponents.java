package io.github.hfinference.core.json;

import java.lang.reflect.RecordComponent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Makes the result records of {@code core.task} strict: every record component not
 * annotated {@code @Nullable} is required and may not be JSON {@code null}, so an answer
 * of the wrong shape fails to decode instead of giving a record of nulls and zeros. A
 * component with a documented default ({@code @JsonProperty(defaultValue = ...)}) stays
 * optional.
 */
final class RequiredComponents extends JacksonAnnotationIntrospector {

	private static final long serialVersionUID = 1L;

	private static final String TASK_PACKAGE = "io.github.hfinference.core.task";

	@Override
	public @Nullable Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
		Boolean explicit = super.hasRequiredMarker(config, member);
		return (Boolean.TRUE.equals(explicit) || isRequired(member)) ? Boolean.TRUE : explicit;
	}

	@Override
	public JsonSetter.Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
		JsonSetter.Value setter = super.findSetterInfo(config, annotated);
		if (annotated instanceof AnnotatedMember member && setter.getValueNulls() == Nulls.DEFAULT
				&& isRequired(member)) {
			return setter.withValueNulls(Nulls.FAIL);
		}
		return setter;
	}

	private static boolean isRequired(AnnotatedMember member) {
		Class<?> owner = member.getDeclaringClass();
		if (!owner.isRecord() || !owner.getPackageName().equals(TASK_PACKAGE)) {
			return false;
		}
		RecordComponent[] components = owner.getRecordComponents();
		RecordComponent component = null;
		if (member instanceof AnnotatedParameter parameter) {
			if (parameter.getOwner() instanceof AnnotatedConstructor constructor
					&& constructor.getParameterCount() == components.length) {
				component = components[parameter.getIndex()];
			}
		}
		else {
			for (RecordComponent candidate : components) {
				if (candidate.getName().equals(member.getName())) {
					component = candidate;
				}
			}
		}
		if (component == null || component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
			return false;
		}
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		return property == null || property.defaultValue().isEmpty();
	}

}
