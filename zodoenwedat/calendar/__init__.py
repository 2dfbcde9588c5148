"""Webinar calendar: iCalendar feeds (RFC 5545) and 'add to calendar' links."""
