"""The validator, module by module (test_<module>.py). The example files (tests/example-files/,
test_example_files.py) show each rule on a whole case file; test_hostile_properties.py feeds it
anything at all. Helpers: tests/support/cases.py and tests/support/repository.py."""
