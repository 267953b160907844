from childhub.core import privacy


def test_every_model_holding_personal_data_says_how_to_export_and_erase_it():
    assert privacy.uncovered_models() == []


def test_a_new_model_pointing_at_members_is_reported(settings):
    from django.apps import apps

    registry = privacy._registry.copy()
    try:
        privacy._registry.pop("accounts.Consent")
        assert "accounts.Consent" in privacy.uncovered_models()
    finally:
        privacy._registry.clear()
        privacy._registry.update(registry)
    assert apps.get_model("accounts", "Consent")
