package web

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

const staticDir = "/srv/static"

var page = template.Must(template.New("page").Parse(`<p>Hello {{.}}</p>`))

func greetTrusted(w http.ResponseWriter, r *http.Request) {
	bio := r.FormValue("bio")
	// ruleid: go.xss.template-html-dynamic
	page.Execute(w, template.HTML(bio))
}

func greetFixed(w http.ResponseWriter, r *http.Request) {
	// ok: go.xss.template-html-dynamic
	page.Execute(w, template.HTML("<b>Welcome</b>"))
}

func greetEscaped(w http.ResponseWriter, r *http.Request) {
	// ok: go.xss.template-html-dynamic
	page.Execute(w, r.FormValue("name"))
}

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go.open-redirect.request-url
	http.Redirect(w, r, next, http.StatusFound)
}

func loginSafe(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		next = "/"
	}
	// ok: go.open-redirect.request-url
	http.Redirect(w, r, u.Path, http.StatusFound)
}

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go.path-traversal.request-path
	data, err := os.ReadFile(filepath.Join(staticDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.request-path
	http.ServeFile(w, r, staticDir+"/"+r.FormValue("path"))
}

func downloadSafe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: go.path-traversal.request-path
	data, err := os.ReadFile(filepath.Join(staticDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func downloadChecked(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ok: go.path-traversal.request-path
	full := filepath.Join(staticDir, name)
	if !strings.HasPrefix(full, staticDir+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, full)
}

func echo(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	// ruleid: go.xss.response-write-request-input
	fmt.Fprintf(w, "<h1>Results for %s</h1>", q)
	// ruleid: go.xss.response-write-request-input
	w.Write([]byte("<p>" + r.FormValue("msg") + "</p>"))
}

func echoEscaped(w http.ResponseWriter, r *http.Request) {
	q := html.EscapeString(r.URL.Query().Get("q"))
	// ok: go.xss.response-write-request-input
	fmt.Fprintf(w, "<h1>Results for %s</h1>", q)
	// ok: go.xss.response-write-request-input
	io.WriteString(w, "<p>"+html.EscapeString(r.FormValue("msg"))+"</p>")
}
