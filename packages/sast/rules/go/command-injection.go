package handlers

import (
	"context"
	"net/http"
	"os/exec"
)

const backupScript = "/opt/backup/run.sh --quiet"

func archive(dir string) error {
	// ruleid: go.command-injection.shell-dynamic-command
	cmd := exec.Command("sh", "-c", "tar czf /tmp/out.tgz "+dir)
	return cmd.Run()
}

func grepLogs(ctx context.Context, pattern string) ([]byte, error) {
	script := "grep " + pattern + " /var/log/app.log"
	// ruleid: go.command-injection.shell-dynamic-command
	return exec.CommandContext(ctx, "/bin/bash", "-c", script).Output()
}

func archiveSafe(dir string) error {
	// ok: go.command-injection.shell-dynamic-command
	cmd := exec.Command("tar", "czf", "/tmp/out.tgz", "--", dir)
	return cmd.Run()
}

func backup() error {
	pipeline := "df -h | tail -n 1"
	// ok: go.command-injection.shell-dynamic-command
	if err := exec.Command("sh", "-c", pipeline).Run(); err != nil {
		return err
	}
	// ok: go.command-injection.shell-dynamic-command
	return exec.Command("sh", "-c", backupScript).Run()
}

func runTool(w http.ResponseWriter, r *http.Request) {
	tool := r.URL.Query().Get("tool")
	// ruleid: go.command-injection.program-from-request
	out, _ := exec.Command(tool).Output()
	w.Write(out)
}

func runReport(w http.ResponseWriter, r *http.Request) {
	reports := map[string]string{"daily": "/opt/reports/daily", "weekly": "/opt/reports/weekly"}
	program, ok := reports[r.FormValue("report")]
	if !ok {
		http.Error(w, "unknown report", http.StatusBadRequest)
		return
	}
	// ok: go.command-injection.program-from-request
	out, _ := exec.Command(program).Output()
	w.Write(out)
}
