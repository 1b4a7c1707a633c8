"""The game warns when the data folder may not survive a log-off or restart."""
from types import SimpleNamespace

from game.persistence import notice_text, persistence_risks


def test_a_normal_folder_has_no_risk(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert persistence_risks(home / "data", env={}, home=home, temp_dir=str(tmp_path / "tmp")) == []
    assert notice_text([]) is None


def test_mandatory_profile_temp_folder_and_the_deployment_flag(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "NTUSER.MAN").write_text("")
    temp = tmp_path / "tmp"
    temp.mkdir()
    risks = persistence_risks(temp / "glimmer", SimpleNamespace(data_persists=False), env={}, home=home,
                              temp_dir=str(temp))
    assert risks == ["deployment", "mandatory_profile", "temporary_folder"]
    text = notice_text(risks)
    assert "export" in text and "For teachers" in text
    # IT says the folder persists: no warning, whatever it looks like
    assert persistence_risks(temp / "glimmer", SimpleNamespace(data_persists=True), env={}, home=home,
                             temp_dir=str(temp)) == []


def test_the_deployment_file_can_say_so(tmp_path):
    from game.deployment import load_deployment

    f = tmp_path / "deployment.toml"
    f.write_text("[data]\npersistent = false\n", encoding="utf-8")
    dep = load_deployment(f)
    assert dep.ok and dep.data_persists is False
    f.write_text("[data]\npersistent = \"no\"\n", encoding="utf-8")
    dep = load_deployment(f)
    assert any(i.key == "data.persistent" for i in dep.issues)
