package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
)

const usersTable = "users"

type Store struct {
	db *sql.DB
}

func (s *Store) FindByName(name string) (*sql.Rows, error) {
	// ruleid: go.sql-injection.string-built-query
	return s.db.Query(fmt.Sprintf("SELECT id, email FROM users WHERE name = '%s'", name))
}

func (s *Store) Delete(ctx context.Context, id string) error {
	// ruleid: go.sql-injection.string-built-query
	_, err := s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = '"+id+"'")
	return err
}

func (s *Store) Search(r *http.Request) (*sql.Rows, error) {
	sort := r.URL.Query().Get("sort")
	query := "SELECT id, name FROM products ORDER BY " + sort
	// ruleid: go.sql-injection.string-built-query
	return s.db.Query(query)
}

func (s *Store) Count(tenant string) int {
	var n int
	// ruleid: go.sql-injection.string-built-query
	s.db.QueryRow("SELECT count(*) FROM events WHERE tenant = " + tenant).Scan(&n)
	return n
}

func (s *Store) FindByNameSafe(ctx context.Context, name string) (*sql.Rows, error) {
	// ok: go.sql-injection.string-built-query
	return s.db.QueryContext(ctx, "SELECT id, email FROM users WHERE name = $1", name)
}

func (s *Store) CountAll() int {
	var n int
	// ok: go.sql-injection.string-built-query
	s.db.QueryRow("SELECT count(*) FROM " + usersTable).Scan(&n)
	return n
}

func (s *Store) Page(limit int) (*sql.Rows, error) {
	// ok: go.sql-injection.string-built-query
	return s.db.Query(fmt.Sprintf("SELECT id FROM users LIMIT %d", limit))
}
