package org.gridgov.web.audit;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.grid.ResidentView;
import org.gridgov.grid.Residents;
import org.gridgov.web.audit.AuditLog.Action;
import org.gridgov.web.audit.AuditLog.Result;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Audits every case action and intake ({@link Cases#act}, {@link Cases#report}) and every resident create and
 * update and every unmasking of a full ID number or phone ({@link Residents}) and every warning issued
 * ({@code Warnings#issue}) made during a web request, whichever controller (API or page) made it: one row each
 * with the user, the client address, the object ({@code case:<id>}, {@code resident:<id>}) and the result. Calls
 * outside a request (the overdue sweep, the demo loader) are not audited. The service modules know nothing of it.
 */
@Component
class AuditedCalls extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    AuditedCalls(ObjectProvider<AuditLog> audit) {
        setProxyTargetClass(true);
        // outermost, around the service's transaction: the event says how the call ended (committed or failed);
        // it is written on whatever connection the thread holds then, or on its own (AuditLog)
        setBeforeExistingAdvisors(true);
        this.advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return kind(method, targetClass) != null;
            }
        }, (MethodInterceptor) invocation -> audited(audit.getObject(), invocation));
    }

    static Action kind(Method method, Class<?> targetClass) {
        Class<?>[] p = method.getParameterTypes();
        if (Cases.class.isAssignableFrom(targetClass)) {
            if (method.getName().equals("act") && p.length == 2 && p[0] == long.class && p[1] == CaseCommand.class) {
                return Action.CASE_ACTION;
            }
            if (method.getName().equals("report") && p.length == 2 && p[0] == org.gridgov.desk.NewCase.class) {
                return Action.CASE_REPORT;
            }
        }
        if (Residents.class.isAssignableFrom(targetClass)) {
            if (method.getName().equals("create") && p.length == 1 && p[0] == org.gridgov.grid.ResidentForm.class) {
                return Action.RESIDENT_CREATE;
            }
            if (method.getName().equals("update") && p.length == 2 && p[0] == long.class) {
                return Action.RESIDENT_UPDATE;
            }
            if (method.getName().equals("unmask") && p.length == 1 && p[0] == long.class) {
                return Action.UNMASK;
            }
        }
        if (org.gridgov.work.Warnings.class.isAssignableFrom(targetClass) && method.getName().equals("issue")
                && p.length == 3) {
            return Action.WARNING_ISSUE;
        }
        return null;
    }

    private static Object audited(AuditLog audit, MethodInvocation invocation) throws Throwable {
        if (RequestOrigin.request() == null) {
            return invocation.proceed();
        }
        Action action = kind(invocation.getMethod(), invocation.getThis().getClass());
        Object[] args = invocation.getArguments();
        String object = switch (action) {
            case CASE_ACTION -> "case:" + args[0];
            case RESIDENT_UPDATE, UNMASK -> "resident:" + args[0];
            case CASE_REPORT -> "case:new";
            case WARNING_ISSUE -> "warning:new";
            default -> "resident:new";
        };
        String detail = action == Action.CASE_ACTION ? String.valueOf(((CaseCommand) args[1]).action()) : null;
        try {
            Object value = invocation.proceed();
            if (value instanceof CaseView created && action == Action.CASE_REPORT) {
                object = "case:" + created.id() + " " + created.code();
            }
            else if (value instanceof org.gridgov.work.WarningView warning && action == Action.WARNING_ISSUE) {
                object = "warning:" + warning.id();
                detail = "tasks=" + warning.totalTasks();
            }
            else if (value instanceof ResidentView resident && action == Action.RESIDENT_CREATE) {
                object = "resident:" + resident.id();
            }
            audit.record(RequestOrigin.user(), action, object, Result.SUCCESS, RequestOrigin.clientIp(), detail);
            return value;
        }
        catch (Throwable failure) {
            Result result = failure instanceof AccessDeniedException ? Result.REFUSED : Result.FAILURE;
            String why = failure.getClass().getSimpleName();
            audit.record(RequestOrigin.user(), action, object, result, RequestOrigin.clientIp(),
                    detail == null ? why : detail + " " + why);
            throw failure;
        }
    }
}
