-- Lists over millions: indexes that serve a list's scope and its order together, so that a page (the first or the
-- one after a keyset cursor) reads only the rows it shows instead of every case of the scope and a sort.
--
-- A case's unit_path is its grid's path, '/district/street/community/grid[/sub-grid…]/'. "unit_path like :prefix"
-- selects a subtree but, being a range of paths, cannot give the newest-first order. The street's and the
-- community's prefix of the path are fixed-depth keys instead: equality on them plus (reported_at, id) is one
-- ordered range of one index. The district (everything) walks the plain (reported_at, id) index; a grid has few
-- cases and keeps the unit_path index with a small sort.

create function grid.street_path(path varchar) returns varchar
    language sql immutable parallel safe
    return '/' || split_part(path, '/', 2) || '/' || split_part(path, '/', 3) || '/';

create function grid.community_path(path varchar) returns varchar
    language sql immutable parallel safe
    return '/' || split_part(path, '/', 2) || '/' || split_part(path, '/', 3) || '/' || split_part(path, '/', 4) || '/';

create index case_file_newest_idx on desk.case_file (reported_at desc, id desc);
create index case_file_street_newest_idx on desk.case_file (grid.street_path(unit_path), reported_at desc, id desc);
create index case_file_community_newest_idx
    on desk.case_file (grid.community_path(unit_path), reported_at desc, id desc);
