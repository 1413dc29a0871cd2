package org.gridgov.audit.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.gridgov.audit.AuditContext;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditLog.Result;
import org.gridgov.grid.AuditSubject;
import org.gridgov.grid.Audited;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * Audits every call of an operation its module marked {@link Audited} (on its API interface or its implementation)
 * made during a user's request, whichever controller (API or page) made it: one row each with the user, the client
 * address, the object ({@code case:<id>}, {@code resident:new}…) and the result. Calls outside a request (the overdue
 * sweep, the demo loader) are not audited. This module knows the mark, not the modules that use it.
 */
@Component
class AuditedCalls extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    /** A marked operation, read once per method: an unknown action name fails when the bean is proxied. */
    record Operation(Action action, Audited mark) {

        /** The mark on the method or on a method it implements or overrides (the module's API interface). */
        static Optional<Operation> of(Method method) {
            Audited mark = AnnotatedElementUtils.findMergedAnnotation(method, Audited.class);
            if (mark == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Operation(Action.valueOf(mark.action()), mark));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalStateException("@Audited " + method + " names an unknown audit action "
                        + mark.action(), ex);
            }
        }
    }

    private final Map<Method, Optional<Operation>> operations = new ConcurrentHashMap<>();

    AuditedCalls(ObjectProvider<AuditLog> audit, ObjectProvider<AuditContext> context) {
        setProxyTargetClass(true);
        // outermost, around the service's transaction: the event says how the call ended (committed or failed);
        // it is written on whatever connection the thread holds then, or on its own (OutboxAuditLog)
        setBeforeExistingAdvisors(true);
        this.advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return operation(method, targetClass).isPresent();
            }
        }, (MethodInterceptor) invocation -> audited(audit.getObject(),
                context.getIfAvailable(() -> AuditContext.NONE), invocation));
    }

    private Optional<Operation> operation(Method method, Class<?> targetClass) {
        return operations.computeIfAbsent(AopUtils.getMostSpecificMethod(method, targetClass), Operation::of);
    }

    private Object audited(AuditLog audit, AuditContext context, MethodInvocation invocation) throws Throwable {
        if (!context.inRequest()) {
            return invocation.proceed();
        }
        Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
                : invocation.getThis().getClass();
        Operation operation = operation(invocation.getMethod(), target).orElseThrow();
        Audited mark = operation.mark();
        Object[] args = invocation.getArguments();
        boolean creates = mark.idParam() == Audited.NEW;
        String object = mark.object() + ":" + (creates ? mark.unnamed() : args[mark.idParam()]);
        String detail = mark.detailParam() == Audited.NONE ? null : detailOf(args[mark.detailParam()]);
        try {
            Object value = invocation.proceed();
            if (creates && value instanceof AuditSubject created) {
                if (created.auditName() != null) {
                    object = mark.object() + ":" + created.auditName();
                }
                if (created.auditDetail() != null) {
                    // after the command's detail, what came of it ("ID_NUMBER 41**…2X" + "not found")
                    detail = detail == null ? created.auditDetail() : detail + " " + created.auditDetail();
                }
            }
            audit.record(context.user(), operation.action(), object, Result.SUCCESS, context.clientIp(), detail);
            return value;
        }
        catch (Throwable failure) {
            Result result = context.refused(failure) ? Result.REFUSED : Result.FAILURE;
            String why = failure.getClass().getSimpleName();
            audit.record(context.user(), operation.action(), object, result, context.clientIp(),
                    detail == null ? why : detail + " " + why);
            throw failure;
        }
    }

    private static String detailOf(Object argument) {
        return argument instanceof AuditSubject subject ? subject.auditDetail() : String.valueOf(argument);
    }
}
