"""The content model: campaigns, slogans, donation sites, supply, time states and donor rules, declared once."""

from donorsite.model.campaign import Campaign
from donorsite.model.slogan import Slogan, SloganFile
from donorsite.model.text_fields import LocalizedText

__all__ = ["Campaign", "LocalizedText", "Slogan", "SloganFile"]
