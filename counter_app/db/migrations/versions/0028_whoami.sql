-- Sign-in in one call (migration 0028).
--
-- A clerk's sign-in (and a supervisor's approval at another clerk's
-- workstation) needs: who the login is, whether that clerk is active, in
-- the group of their role and in this installation, and whether the schema
-- is the one the app was built for. Asked as separate queries over a VPN
-- each costs a round trip; counter_whoami() answers all of it at once, and
-- the client decides (services/auth.py): the schema first, then the clerk.
--
-- It reports on session_user only (never an argument): nothing about another
-- clerk. SECURITY DEFINER because counter_in_installation() is not for
-- logins; it reads the caller's own clerks row (identity columns, never the
-- password hash) and alembic_version. It does not refuse (it is how the
-- client learns why a sign-in fails); every action still checks its caller
-- with counter_caller().
CREATE FUNCTION counter_whoami() RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
RETURN jsonb_build_object(
    'login', session_user::text,
    'revision', (SELECT version_num FROM alembic_version LIMIT 1),
    'in_installation', counter_in_installation(session_user),
    'clerk', (SELECT jsonb_build_object(
                  'id', c.id, 'username', c.username, 'display_name', c.display_name,
                  'role', c.role, 'hall_code', c.hall_code, 'active', c.active,
                  'in_group', pg_has_role(session_user, 'counter_' || c.role, 'MEMBER'))
              FROM clerks c WHERE c.username = session_user));

REVOKE ALL ON FUNCTION counter_whoami() FROM PUBLIC;
-- supervisors and admins are members of counter_clerk
GRANT EXECUTE ON FUNCTION counter_whoami() TO counter_clerk;
