-- One schema per module. The application's tables never live in public.
create schema if not exists grid;   -- grid-core: the hierarchy, households, residents
create schema if not exists party;  -- party-org
create schema if not exists desk;   -- service-desk
create schema if not exists app;    -- web-app: users, API tokens
