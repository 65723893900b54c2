# Two commands for a new user: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
DEMO_FACTS = examples/county-2026.yaml
DEMO_OUT   = build/示例县2026年度法治政府建设情况报告.docx

.PHONY: demo test lint bundle clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p build
	@$(BIN)/drafter draft $(DEMO_FACTS) -o $(DEMO_OUT) --force

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check drafter tests bench tools
	$(BIN)/ruff format --check drafter tests bench tools

# Offline bundle for machines without a package index: build/drafter-offline-VERSION/ and .zip
bundle: $(STAMP)
	$(BIN)/python tools/bundle.py

clean:
	rm -rf build .pytest_cache
