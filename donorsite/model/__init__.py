"""The content model: campaigns, slogans, donation sites, supply, time states and donor rules, declared once."""

from donorsite.model.campaign import Campaign
from donorsite.model.fields import LocalizedText
from donorsite.model.slogan import Slogan, SloganFile

__all__ = ["Campaign", "LocalizedText", "Slogan", "SloganFile"]
