package org.gridgov.web.desk.catalog;

import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryEdit;
import org.gridgov.grid.NotFoundException;
import org.gridgov.web.desk.catalog.CategoryJson.CategoryRoute;
import org.gridgov.web.desk.catalog.CategoryJson.CategoryView;
import org.gridgov.web.desk.catalog.CategoryJson.MajorCategoryView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.gridgov.desk.NewCategory;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "categories", description = "事件分类: the case catalog with handling levels, conditions and time limits")
class CategoryApi {

    private final Categories categories;
    private final CategoryMapper mapper;

    CategoryApi(Categories categories, CategoryMapper mapper) {
        this.categories = categories;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The catalog: major categories with their minors, each minor's level, conditions and "
            + "sign/handle/verify limits (yellow, red, unit)")
    List<MajorCategoryView> tree() {
        return mapper.toJson(categories.tree());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One category by its 4-digit code")
    CategoryView get(@PathVariable String code) {
        return categories.find(code).map(mapper::toJson).orElseThrow(() -> new NotFoundException("category", code));
    }

    @PutMapping("/{code}")
    @PreAuthorize(Permissions.EDIT_CATALOG)
    @Operation(summary = "Change a minor category's level, conditions and limits (district admins); "
            + "send the version you read: a stale one answers 409")
    CategoryView update(@PathVariable String code, @RequestBody CategoryEdit edit,
                        @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(categories.update(code, edit, user.username()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_CATALOG)
    @Operation(summary = "Add a category: code NN00 for a major one (no rules), NNMM for a minor one under an existing"
            + " major, with its rules (level, conditions, limits as for an edit); names in Chinese and English")
    CategoryView create(@RequestBody NewCategory category, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(categories.create(category, user.username()));
    }

    @PutMapping("/{code}/department")
    @PreAuthorize(Permissions.EDIT_CATALOG)
    @Operation(summary = "分拨: set the active county department a minor category's cases go to by default "
            + "(departmentId null: none); send the version you read: a stale one answers 409")
    CategoryView route(@PathVariable String code, @Valid @RequestBody CategoryRoute route,
                       @AuthenticationPrincipal GridGovUser user) {
        categories.find(code).filter(c -> !c.major()).orElseThrow(() -> new NotFoundException("category", code));
        return mapper.toJson(categories.route(code, route.departmentId(), route.version(), user.username()));
    }
}
