package org.gridgov.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that re-shows a form whose object could not even be constructed (a record form with a primitive
 * component, e.g. a hidden id or a level, sent with text such as {@code ' or 1=1 --}) has no form to show: the
 * template failed on {@code form.level} and the user got a 500 page. Such a request is answered with the 400 page
 * instead, before the view is rendered.
 */
class UnboundForms implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        for (Object value : view.getModel().values()) {
            if (value instanceof BindingResult result && result.getTarget() == null && result.hasErrors()) {
                view.clear();
                view.setViewName("error/400");
                view.setStatus(HttpStatus.BAD_REQUEST);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return;
            }
        }
    }
}
