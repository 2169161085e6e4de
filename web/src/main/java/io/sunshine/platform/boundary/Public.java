package io.sunshine.platform.boundary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST method (or every method of a class) anyone may call, signed in or not: public on purpose.
 * See {@link AllowedRoles} for why the platform does not use {@code PermitAll} on REST resources.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {}
