package org.gridgov.desk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryEdit;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.MajorCategoryView;
import org.gridgov.desk.NewCategory;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CategoryService implements Categories {

    private final CategoryRepository categories;
    private final PlatformTime time;
    private final org.gridgov.grid.Departments departments;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entities;

    CategoryService(CategoryRepository categories, PlatformTime time, org.gridgov.grid.Departments departments) {
        this.categories = categories;
        this.time = time;
        this.departments = departments;
    }

    @Override
    public List<MajorCategoryView> tree() {
        List<Category> all = categories.findAllByOrderByCode();
        Map<String, List<CategoryView>> minors = all.stream().filter(c -> !c.major())
                .collect(Collectors.groupingBy(Category::majorCode, Collectors.mapping(Category::view,
                        Collectors.toList())));
        List<MajorCategoryView> tree = new ArrayList<>();
        for (Category major : all) {
            if (major.major()) {
                CategoryView view = major.view();
                tree.add(new MajorCategoryView(view.code(), view.name(), view.nameEn(),
                        minors.getOrDefault(view.code(), List.of())));
            }
        }
        return tree;
    }

    @Override
    public Optional<CategoryView> find(String code) {
        return code == null ? Optional.empty() : categories.findById(code.strip()).map(Category::view);
    }

    @Override
    @Transactional
    public CategoryView update(String code, CategoryEdit edit, String updatedBy) {
        Category category = categories.findById(code).orElseThrow(() -> new NotFoundException("category", code));
        if (edit.version() == null || edit.version() != category.version()) {
            throw new StaleVersionException("category", code);
        }
        category.edit(edit, updatedBy, time.now());
        return categories.saveAndFlush(category).view();
    }

    @Override
    @Transactional
    public CategoryView create(NewCategory category, String createdBy) {
        String code = category.code() == null ? "" : category.code().strip();
        if (!code.matches("[0-9]{4}") || code.startsWith("00")) {
            throw DomainException.onField("code", "category.code.invalid");
        }
        String name = required("name", category.name(), NewCategory.MAX_NAME);
        String nameEn = required("nameEn", category.nameEn(), NewCategory.MAX_NAME_EN);
        if (categories.existsById(code)) {
            throw DomainException.onField("code", "category.code.taken", code);
        }
        String majorCode = category.major() ? null : code.substring(0, 2) + "00";
        if (majorCode != null && !categories.existsById(majorCode)) {
            throw DomainException.onField("code", "category.code.noMajor", majorCode);
        }
        Category created = new Category(code, majorCode, name, nameEn, createdBy, time.now());
        if (majorCode != null) {
            if (category.rules() == null) {
                throw DomainException.onField("handlingLevel", "category.level.required");
            }
            created.edit(category.rules(), createdBy, time.now());
        }
        // persist, never merge: the code is assigned, and a save() of an entity with an id merges — a second
        // administrator adding the same code just after the first would overwrite it instead of being refused
        try {
            entities.persist(created);
            entities.flush();
            return created.view();
        }
        catch (jakarta.persistence.PersistenceException | org.springframework.dao.DataIntegrityViolationException ex) {
            throw DomainException.onField("code", "category.code.taken", code); // added at the same moment
        }
    }

    private static String required(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw DomainException.onField(field, "category.name.required");
        }
        if (text.strip().length() > max) {
            throw DomainException.onField(field, "category.name.tooLong", max);
        }
        return text.strip();
    }

    @Override
    @Transactional
    public CategoryView route(String code, Long departmentId, long version, String updatedBy) {
        Category category = categories.findById(code).orElseThrow(() -> new NotFoundException("category", code));
        if (version != category.version()) {
            throw new StaleVersionException("category", code);
        }
        if (departmentId != null && departments.find(departmentId)
                .filter(d -> d.county() && !d.retired()).isEmpty()) {
            throw DomainException.onField("departmentId", "category.department.unknown",
                    departmentId);
        }
        category.routeTo(departmentId, updatedBy, time.now());
        return categories.saveAndFlush(category).view();
    }
}
