# Two commands do all the set-up on a fresh machine (Python >= 3.10 and make):
#   make play   - create .venv, install, start the game
#   make test   - create .venv, install (with dev tools), run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock 2>/dev/null | cksum | cut -d' ' -f1)

.PHONY: play test check bench selftest build package lock clean-venv

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

play: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest

check: $(STAMP)
	$(PY) main.py check

bench: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) main.py bench --json

selftest: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) main.py selftest

build: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec

# the archive counsellors download, with its SHA-256 sum (after make build)
package: $(STAMP)
	$(PY) tools/package.py dist

# the hash-pinned lock file release builds install from (all platforms)
lock: $(STAMP)
	$(PY) -m pip install --quiet uv
	$(PY) -m uv pip compile --universal --python-version 3.11 --generate-hashes --extra dev --no-header \
		-o requirements/build.lock.txt pyproject.toml
	@printf '# Hash-pinned lock for release builds (all platforms). Regenerate after changing pyproject.toml:\n#   make lock   (uv pip compile --universal --python-version 3.11 --generate-hashes --extra dev)\n' \
		| cat - requirements/build.lock.txt > requirements/.lock.tmp && mv requirements/.lock.tmp requirements/build.lock.txt

clean-venv:
	rm -rf $(VENV)
