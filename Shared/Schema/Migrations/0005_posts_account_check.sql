-- posts.account_id must name a monitored account, and an account that has posts cannot be
-- deleted or renamed: what the foreign key of 0003 guaranteed, kept, but checked once per
-- statement instead of once per row.
--
-- Why: the key ran a query and took a row lock on the account for every post inserted. Bulk
-- import inserts tens of thousands of posts a second, nearly all for a handful of accounts, and
-- that per-row check was a fifth of PostgreSQL's work per post. The statement trigger below
-- locks each distinct account of the statement once, FOR KEY SHARE as the key check did, so an
-- account cannot be deleted while posts for it are being written, and fails the statement,
-- with the error the key gave, if any account is missing.
ALTER TABLE posts DROP CONSTRAINT posts_account_id_fkey;

CREATE FUNCTION posts_check_accounts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    -- The lock reads the latest committed row, waiting for a concurrent delete to finish, so an
    -- account deleted at the same moment counts as missing.
    PERFORM 1 FROM monitored_accounts
        WHERE id IN (SELECT DISTINCT account_id FROM inserted_posts) FOR KEY SHARE;
    SELECT d.account_id INTO missing FROM (SELECT DISTINCT account_id FROM inserted_posts) d
        WHERE NOT EXISTS (SELECT 1 FROM monitored_accounts a WHERE a.id = d.account_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "posts" violates foreign key constraint "posts_account_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                DETAIL = format('Key (account_id)=(%s) is not present in table "monitored_accounts".', missing);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER posts_check_accounts_on_insert AFTER INSERT ON posts
    REFERENCING NEW TABLE AS inserted_posts FOR EACH STATEMENT EXECUTE FUNCTION posts_check_accounts();
CREATE TRIGGER posts_check_accounts_on_update AFTER UPDATE ON posts
    REFERENCING NEW TABLE AS inserted_posts FOR EACH STATEMENT EXECUTE FUNCTION posts_check_accounts();

-- The other half of the key: refuse to delete, rename or truncate away accounts that have posts
-- (like the key, this scans posts by account; accounts are removed rarely, by an operator).
CREATE FUNCTION monitored_accounts_keep_posts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT 1 FROM posts) THEN
            RAISE EXCEPTION 'cannot truncate a table referenced in a foreign key constraint'
                USING ERRCODE = 'feature_not_supported',
                    DETAIL = 'Table "posts" references "monitored_accounts".';
        END IF;
        RETURN NULL;
    END IF;
    IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
        AND EXISTS (SELECT 1 FROM posts WHERE account_id = OLD.id)
    THEN
        RAISE EXCEPTION 'update or delete on table "monitored_accounts" violates foreign key constraint "posts_account_id_fkey" on table "posts"'
            USING ERRCODE = 'foreign_key_violation',
                DETAIL = format('Key (id)=(%s) is still referenced from table "posts".', OLD.id);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER monitored_accounts_keep_posts BEFORE DELETE OR UPDATE OF id ON monitored_accounts
    FOR EACH ROW EXECUTE FUNCTION monitored_accounts_keep_posts();
CREATE TRIGGER monitored_accounts_keep_posts_on_truncate BEFORE TRUNCATE ON monitored_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION monitored_accounts_keep_posts();
